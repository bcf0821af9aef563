import { describe, expect, it } from 'vitest';
import { answerFromForm, AnswerFormError } from './order-answers.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('answerFromForm', () => {
  it('accepts and rejects a whole order, with the note when given', () => {
    expect(answerFromForm(form({ action: 'accept' }))).toEqual({ code: 'accepted' });
    expect(answerFromForm(form({ action: 'reject', note: ' Out of stock ' }))).toEqual({ code: 'rejected', note: 'Out of stock' });
  });

  it('changes the quantity of one line', () => {
    expect(answerFromForm(form({ action: 'change', lineId: '2', quantity: '2.5' }))).toEqual({ code: 'changed', lines: [{ lineId: '2', code: 'changed', quantity: '2.5' }] });
  });

  it.each([
    [{ action: 'change', quantity: '3' }, /choose the line/],
    [{ action: 'change', lineId: '1', quantity: '0' }, /above 0/],
    [{ action: 'change', lineId: '1', quantity: '1e3' }, /above 0/],
    [{ action: 'change', lineId: '1' }, /above 0/],
    [{ action: 'delete' }, /unknown action/],
    [{ action: 'reject', note: 'x'.repeat(2001) }, /longer than 2000/],
  ])('refuses %j', (fields, message) => {
    expect(() => answerFromForm(form(fields as Record<string, string>))).toThrow(AnswerFormError);
    expect(() => answerFromForm(form(fields as Record<string, string>))).toThrow(message);
  });
});
