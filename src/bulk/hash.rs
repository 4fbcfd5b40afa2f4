//! Small, stable hashes: FNV-1a for what the journal stores (the file's
//! contents, the options), so a journal stays valid across versions; a
//! word-at-a-time mix for the in-memory fingerprints of a run.

/// FNV-1a, 64-bit, fed in pieces: the result depends only on the bytes.
#[derive(Clone, Copy)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    pub fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    /// A field with its length, so `("ab","c")` and `("a","bc")` differ.
    pub fn field(&mut self, bytes: &[u8]) {
        self.write(&(bytes.len() as u64).to_le_bytes());
        self.write(bytes);
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A word-at-a-time 64-bit hash fed in pieces, for the file's contents:
/// the result depends only on the bytes (not on how they were split), and
/// it is defined here, so a journal stays valid across versions.
pub struct StreamHash {
    h: u64,
    pending: [u8; 8],
    len: usize,
    total: u64,
}

impl Default for StreamHash {
    fn default() -> Self {
        StreamHash {
            h: 0x6a09_e667_f3bc_c908,
            pending: [0; 8],
            len: 0,
            total: 0,
        }
    }
}

impl StreamHash {
    fn absorb(&mut self, word: u64) {
        self.h = (self.h ^ fmix(word))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }

    pub fn write(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len() as u64;
        if self.len > 0 {
            let take = (8 - self.len).min(bytes.len());
            self.pending[self.len..self.len + take].copy_from_slice(&bytes[..take]);
            self.len += take;
            bytes = &bytes[take..];
            if self.len < 8 {
                return;
            }
            self.absorb(u64::from_le_bytes(self.pending));
            self.len = 0;
        }
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.absorb(u64::from_le_bytes(
                chunk.try_into().expect("chunks_exact gives 8 bytes"),
            ));
        }
        let rest = chunks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.len = rest.len();
    }

    pub fn finish(&self) -> u64 {
        let mut tail = [0u8; 8];
        tail[..self.len].copy_from_slice(&self.pending[..self.len]);
        fmix(self.h ^ fmix(u64::from_le_bytes(tail) ^ self.total))
    }
}

/// A fast 64-bit hash of `bytes` seeded with `seed`, for fingerprints that
/// live only as long as the run.
pub fn mix64(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes"));
        h = (h ^ fmix(word))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    h ^= fmix(u64::from_le_bytes(tail) ^ 0x5851_f42d_4c95_7f2d);
    fmix(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_standard_one_and_piecewise() {
        let mut h = Fnv64::default();
        h.write(b"a");
        assert_eq!(h.finish(), 0xaf63_dc4c_8601_ec8c);
        let mut whole = Fnv64::default();
        whole.write(b"hello world");
        let mut pieces = Fnv64::default();
        pieces.write(b"hello ");
        pieces.write(b"world");
        assert_eq!(whole.finish(), pieces.finish());
    }

    #[test]
    fn stream_hash_ignores_how_bytes_are_split() {
        let text: Vec<u8> = (0..100u8).collect();
        let mut whole = StreamHash::default();
        whole.write(&text);
        for split in [0, 1, 7, 8, 9, 50, 99] {
            let mut pieces = StreamHash::default();
            pieces.write(&text[..split]);
            pieces.write(&text[split..]);
            assert_eq!(pieces.finish(), whole.finish(), "{split}");
        }
        let mut other = StreamHash::default();
        other.write(&text[..99]);
        assert_ne!(other.finish(), whole.finish());
    }

    #[test]
    fn mix_depends_on_every_byte_and_the_seed() {
        assert_ne!(mix64(1, b"hello world!"), mix64(1, b"hello world?"));
        assert_ne!(mix64(1, b"abc"), mix64(2, b"abc"));
        assert_ne!(mix64(1, b""), mix64(1, b"\0"));
    }
}
