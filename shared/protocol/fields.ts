/**
 * The value rules of the protocol between the class server and the app, written once: an id
 * (corpus, article, user, layer owner — what document names are made of) is 1 to 64 of
 * A–Z a–z 0–9 _ -; a colour is `#rrggbb`. The server checks what it receives with these, the
 * app what it stores and sends.
 */
import { z } from 'zod';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

export function isId(value: string): boolean {
  return ID.test(value);
}

export function isColor(value: string): boolean {
  return COLOR.test(value);
}

export const idSchema = z.string().regex(ID);

export const colorSchema = z.string().regex(COLOR);
