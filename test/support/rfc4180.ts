// A small RFC 4180 reader for the tests (https://www.rfc-editor.org/rfc/rfc4180, section 2), written
// apart from src/lib/report/csv.ts so that what the CSV output is read back with does not share its code:
// records end with CRLF, fields are split by commas, a field in double quotes may hold commas,
// CR, LF and doubled double quotes. Anything else — a bare quote inside a field, a lone CR or LF
// between records, text after a closing quote — throws, so that a test sees malformed output.

export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      // A quoted field: up to the quote that is not doubled.
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('a quoted field is not closed');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        throw new Error(`text after a closing quote at ${i}`);
      }
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`a CR without LF at ${i}`);
      endField();
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    if (c === '\n') throw new Error(`a LF without CR at ${i}`);
    if (c === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
    field += c;
    i++;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}
