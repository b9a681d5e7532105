/**
 * The part of npos (an ESC/POS parser, CommonJS without types) that the golden receipt tests use to
 * decode what the fake printer received.
 */
declare module 'npos' {
  /** lwim bitmap: one byte per pixel, 0x00 is a printed dot, 0xFF is paper. */
  export interface NposBitmap {
    getWidth(): number;
    getHeight(): number;
    getPixel(x: number, y: number): number | null;
  }
  export interface NposNode {
    code: number;
    ascii: string;
    fn?: string;
    offset: number;
    length: number;
  }
  export interface NposEntry {
    type: string;
    nodes: NposNode[];
    data: unknown;
  }
  export interface NposAst {
    error?: Error;
    tree: NposNode[] | null;
    entries: NposEntry[];
  }
  /** How many parameter bytes follow a command, or [fixed bytes, splitter name] for variable-length ones. */
  export type NposRule = number | [number, string] | [number];
  export type NposRules = Record<number, Record<string, NposRule> | number>;
  export interface NposParser {
    parse(raw: Buffer): Promise<NposAst>;
  }
  const npos: {
    parser(rules?: NposRules): NposParser;
    rules: NposRules;
  };
  export default npos;
}
