import { describe, expect, it } from 'vitest';
import { CompiledRules } from './compiled-rules.js';
import { compileSchematron } from './schematron-compiler.js';
import { parseXmlTree } from './xml-tree.js';
import { UnsupportedXPathError } from './xpath-ast.js';

const schema = (body: string, extra = '') => `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="a" uri="urn:a"/><ns prefix="u" uri="urn:u"/><ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
  ${extra}${body}</schema>`;

function fire(sch: string, xml: string): string[] {
  return new CompiledRules(compileSchematron(sch)).run(parseXmlTree(xml)).map((f) => `${f.id}:${f.flag}:${f.text}`);
}

const DOC = `<a:r xmlns:a="urn:a"><a:i n="1">x</a:i><a:i n="2"> </a:i><a:j>5</a:j><a:j>7</a:j></a:r>`;

describe('compiled schematron', () => {
  it('fires the first matching rule of a pattern only, every pattern on its own', () => {
    const sch = schema(`
      <pattern><rule context="a:i[@n = '1']"><assert id="P1-FIRST" test="false()">first</assert></rule>
               <rule context="a:i"><assert id="P1-SECOND" test="false()">second</assert></rule></pattern>
      <pattern><rule context="a:i"><report id="P2" test="true()" flag="warning">other</report></rule></pattern>`);
    expect(fire(sch, DOC)).toEqual(['P1-FIRST:fatal:first', 'P1-SECOND:fatal:second', 'P2:warning:other', 'P2:warning:other']);
  });

  it('matches rooted, descendant and positional patterns as XSLT does', () => {
    const sch = schema(`
      <pattern><rule context="/a:r/a:j[2]"><report id="SECOND-J" test="true()">j</report></rule></pattern>
      <pattern><rule context="//*[not(*) and not(normalize-space())]"><assert id="EMPTY" test="false()">empty</assert></rule></pattern>
      <pattern><rule context="/"><report id="DOC" test="a:r">doc</report></rule></pattern>`);
    expect(fire(sch, DOC)).toEqual(['SECOND-J:fatal:j', 'EMPTY:fatal:empty', 'DOC:fatal:doc']);
  });

  it('evaluates lets, functions, keys and messages with value-of', () => {
    const sch = schema(`
      <let name="codes" value="tokenize('5 6', '\\s')"/>
      <pattern><rule context="a:j"><let name="v" value="xs:integer(.)"/>
        <assert id="CODE" test="some $c in $codes satisfies $c = normalize-space(.)">code <value-of select="."/> of <value-of select="count(key('js', .))"/></assert>
        <assert id="DOUBLE" test="u:twice($v) = 10">twice <value-of select="u:twice($v)"/></assert>
      </rule></pattern>`, `<xsl:key xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="js" match="a:j" use="."/>
      <xsl:function xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="u:twice" as="xs:integer"><xsl:param name="x" as="xs:integer"/><xsl:sequence select="$x * 2"/></xsl:function>`);
    expect(fire(sch, DOC)).toEqual(['CODE:fatal:code 7 of 1', 'DOUBLE:fatal:twice 14']);
  });

  it('reports locations the way the official stylesheets write them', () => {
    const sch = schema(`<pattern><rule context="a:j | @n"><report id="L" test="true()">l</report></rule></pattern>`);
    const fired = new CompiledRules(compileSchematron(sch)).run(parseXmlTree(DOC)).map((f) => f.location);
    expect(fired).toEqual([
      "/*:r[namespace-uri()='urn:a'][1]/*:i[namespace-uri()='urn:a'][1]/@n",
      "/*:r[namespace-uri()='urn:a'][1]/*:i[namespace-uri()='urn:a'][2]/@n",
      "/*:r[namespace-uri()='urn:a'][1]/*:j[namespace-uri()='urn:a'][1]",
      "/*:r[namespace-uri()='urn:a'][1]/*:j[namespace-uri()='urn:a'][2]",
    ]);
  });

  it('stops with the XPath error where the XSLT would stop', () => {
    const sch = schema(`<pattern><rule context="a:i"><assert id="E" test="xs:integer(.) gt 0">e</assert></rule></pattern>`);
    expect(() => fire(sch, DOC)).toThrow(/FORG0001: cannot cast "x" to xs:integer/);
  });

  it('refuses constructs it cannot translate faithfully, by name', () => {
    expect(() => compileSchematron(schema(`<pattern><rule context="a:i"><assert id="X" test="current-date()">x</assert></rule></pattern>`)))
      .toThrow(UnsupportedXPathError);
    expect(() => compileSchematron(schema(`<pattern><rule context="a:i"><assert id="X" test="a:i/following::a:j">x</assert></rule></pattern>`)))
      .toThrow(/following axis is not supported/);
  });
});
