/** The part of SaxonJS 2.7's API this project uses (the package ships no type declarations). */
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetInternal?: unknown;
    stylesheetFileName?: string;
    sourceText?: string;
    sourceNode?: unknown;
    destination?: 'raw' | 'serialized' | 'document' | 'application';
    stylesheetParams?: Record<string, unknown>;
  }
  interface TransformResult {
    principalResult: unknown;
  }
  interface XPathOptions {
    namespaceContext?: Record<string, string>;
    resultForm?: 'default' | 'array' | 'iterator' | 'xdm';
    params?: Record<string, unknown>;
  }
  const SaxonJS: {
    transform(options: TransformOptions, execution?: 'sync'): TransformResult;
    getProcessorInfo(): { productVersion: string };
    XPath: { evaluate(xpath: string, context: unknown, options?: XPathOptions): unknown };
  };
  export default SaxonJS;
}
