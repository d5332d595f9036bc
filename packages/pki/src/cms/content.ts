// The content a CMS SignedData carries, read without checking its signature: for messages this
// application signed and stored itself (a sent declaration), whose bytes are trusted as stored.
import { DEFAULT_CMS_MAX_BYTES, readCms } from './read';

/**
 * The encapsulated content (eContent) of a DER ContentInfo(SignedData) with attached id-data
 * content, byte for byte, as a copy; CMS_UNREADABLE otherwise. The signature is NOT verified:
 * use verifyCms for a message that comes from outside.
 */
export function readCmsContent(der: Uint8Array, maxBytes: number = DEFAULT_CMS_MAX_BYTES): Buffer {
  return Buffer.from(readCms(der, maxBytes).content);
}
