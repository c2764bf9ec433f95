package io.github.segmentskit.contract.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A valid gzip stream (one member) of a huge number of zero bytes, written as it is sent and never
 * held in memory: deflate of 1 MiB of zeros ends with a full flush, so the compressed segment is
 * byte-aligned and refers to nothing before it, and the same few hundred bytes repeated make a
 * deflate stream of any multiple of 1 MiB. 1 GiB of zeros takes about 1 MB on the wire.
 */
final class GzipBomb {
  private static final int MIB = 1024 * 1024;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final byte[] segment;
  private final byte[] finalBlock;
  private final long mebibytes;

  private GzipBomb(long mebibytes) {
    this.mebibytes = mebibytes;
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(new byte[MIB]);
    this.segment = drain(deflater, false);
    deflater.finish();
    this.finalBlock = drain(deflater, true);
    deflater.end();
  }

  /** A bomb that inflates to {@code mebibytes} MiB of zeros. */
  static GzipBomb ofMebibytes(long mebibytes) {
    return new GzipBomb(mebibytes);
  }

  /** The bytes it inflates to. */
  long inflatedBytes() {
    return mebibytes * MIB;
  }

  /** The bytes it takes on the wire. */
  long compressedBytes() {
    return HEADER.length + segment.length * mebibytes + finalBlock.length + 8;
  }

  /** Writes the whole gzip stream; fails early if the reader goes away. */
  void writeTo(OutputStream out) throws IOException {
    out.write(HEADER);
    for (long i = 0; i < mebibytes; i++) {
      out.write(segment);
    }
    out.write(finalBlock);
    byte[] trailer = new byte[8];
    int crc = (int) crcOfZeros();
    int size = (int) inflatedBytes(); // ISIZE: the length modulo 2^32
    for (int i = 0; i < 4; i++) {
      trailer[i] = (byte) (crc >>> (8 * i));
      trailer[4 + i] = (byte) (size >>> (8 * i));
    }
    out.write(trailer);
    out.flush();
  }

  private long crcOfZeros() {
    CRC32 crc = new CRC32();
    byte[] zeros = new byte[MIB];
    for (long i = 0; i < mebibytes; i++) {
      crc.update(zeros);
    }
    return crc.getValue();
  }

  private static byte[] drain(Deflater deflater, boolean finishing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    while (true) {
      int n =
          deflater.deflate(
              buffer, 0, buffer.length, finishing ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH);
      out.write(buffer, 0, n);
      boolean done = finishing ? deflater.finished() : n < buffer.length && deflater.needsInput();
      if (done) {
        return out.toByteArray();
      }
    }
  }
}
