/** Functions that build HTML for formula fields: HYPERLINK, IMAGE, BR. */
import { NUMERIC, TEXT, helpPage, param, type FunctionSpec } from './spec.ts';

export const HTML_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'HYPERLINK',
    category: 'text',
    summary: 'A link to url labelled friendly_name, opened in target (default _blank).',
    params: [param('url', TEXT), param('friendly_name', TEXT), param('target', TEXT, { optional: true })],
    returns: 'Text',
    blanks: 'never',
    doc: helpPage('HYPERLINK'),
    example: {
      formula: 'HYPERLINK("https://x.example", "Open")',
      result: '<a href="https://x.example" target="_blank">Open</a>',
    },
    compile: (c) => `${c.helper('hyperlink')}(${c.arg(0)}, ${c.arg(1)}, ${c.call.args.length > 2 ? c.arg(2) : 'null'})`,
  },
  {
    name: 'IMAGE',
    category: 'text',
    summary: 'An image tag for image_url with alternate_text, optionally sized in pixels.',
    params: [
      param('image_url', TEXT),
      param('alternate_text', TEXT),
      param('height', NUMERIC, { optional: true }),
      param('width', NUMERIC, { optional: true }),
    ],
    returns: 'Text',
    blanks: 'never',
    doc: helpPage('IMAGE'),
    example: {
      formula: 'IMAGE("/img/x.png", "X", 10, 20)',
      result: '<img src="/img/x.png" alt="X" style="height:10px; width:20px;" border="0"/>',
    },
    compile: (c) => {
      const n = c.call.args.length;
      return `${c.helper('image')}(${c.arg(0)}, ${c.arg(1)}, ${n > 2 ? c.arg(2) : 'undefined'}, ${n > 3 ? c.arg(3) : 'undefined'})`;
    },
  },
  {
    name: 'BR',
    category: 'text',
    summary: 'A line break in a text formula field.',
    params: [],
    returns: 'Text',
    blanks: 'never',
    doc: helpPage('BR'),
    example: { formula: '"a" & BR() & "b"', result: 'a<br>b' },
    compile: () => `'<br>'`,
  },
];
