import { readFile, stat } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { normalizeParticipant } from '../../peppol/index.js';
import { BuyerConfigError, parseBuyerConfig } from '../../punchout/buyer-config.js';

/** The key under which the configuration for buyers without their own is kept. */
export const DEFAULT_BUYER = '*';

export interface BuyerConfigEntry {
  /** Participant id (`scheme:value`, lower-cased) or DEFAULT_BUYER. */
  buyerId: string;
  /** The configuration as written (checked); defaults are applied when it is read. */
  input: unknown;
}

export class BuyerConfigFileError extends Error {
  override name = 'BuyerConfigFileError';
}

const fileSchema = z
  .object({
    default: z.unknown().optional(),
    buyers: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

/** Checks a buyer configuration file's content: every entry must be a valid buyer configuration. */
export function parseBuyerConfigFile(content: unknown, source: string): BuyerConfigEntry[] {
  const parsed = fileSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BuyerConfigFileError(`${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const entries: BuyerConfigEntry[] = [];
  if (parsed.data.default !== undefined) entries.push({ buyerId: DEFAULT_BUYER, input: parsed.data.default });
  for (const [buyer, input] of Object.entries(parsed.data.buyers)) {
    if (!/^\d{4}:\S+$/.test(buyer)) throw new BuyerConfigFileError(`${source}: buyers.${buyer}: buyer keys are participant ids such as 0192:123456785`);
    entries.push({ buyerId: normalizeParticipant(buyer), input });
  }
  for (const entry of entries) {
    try {
      parseBuyerConfig(entry.input);
    } catch (error) {
      if (error instanceof BuyerConfigError) {
        throw new BuyerConfigFileError(`${source}: ${entry.buyerId === DEFAULT_BUYER ? 'default' : `buyers.${entry.buyerId}`}: ${error.message}`);
      }
      throw error;
    }
  }
  return entries;
}

/** Reads the buyer configuration file (bounded, JSON). */
@Injectable()
export class BuyerConfigFile {
  async read(file: string, maxBytes: number): Promise<BuyerConfigEntry[]> {
    let text: string;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new BuyerConfigFileError(`${file} is not a file`);
      if (info.size > maxBytes) throw new BuyerConfigFileError(`${file} is ${info.size} bytes, more than the limit of ${maxBytes}`);
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (error instanceof BuyerConfigFileError) throw error;
      throw new BuyerConfigFileError(`cannot read buyer configuration ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch (error) {
      throw new BuyerConfigFileError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    return parseBuyerConfigFile(content, file);
  }
}
