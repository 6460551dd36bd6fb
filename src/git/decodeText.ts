// The one place git's bytes become text: UTF-8 when they are valid UTF-8, Latin-1 otherwise
// (2002-era kernel files and author names are often Latin-1; Latin-1 never fails and loses nothing).
import { isUtf8 } from 'node:buffer';

export function decodeText(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}
