import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes (256 bits), URL-safe: a seat's or host's bearer token. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** 16 random bytes, URL-safe: a room id (public, not a secret). */
export function newRoomId(): string {
  return randomBytes(16).toString("base64url");
}

/** What the store keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether `token` hashes to `hash`, compared in constant time. */
export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
