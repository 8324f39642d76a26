package io.github.groundedbot.embedding;

import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Snippet embeddings on disk, keyed by the SHA-256 of the embedded text and tied to one model.
 * <p>
 * Writes go to a temporary file that is synced and then renamed over the old one, so a crash
 * leaves either the old file or the new one, never half of one. A file that is damaged in any way
 * (wrong magic, sizes that do not add up to its length, truncated, a checksum mismatch) or from
 * another model is ignored with one log line, and replaced by the next write.
 */
public final class EmbeddingCache {

    private static final Logger LOG = Logger.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x47424543; // "GBEC"
    private static final int VERSION = 1;

    private static final int MAX_DIMENSION = 10_000;
    private static final int KEY_BYTES = 32; // a SHA-256
    private static final int CHECKSUM_BYTES = Long.BYTES;

    private final Path file;
    private final String modelId;
    private final int headerLength;

    public EmbeddingCache(Path file, String modelId) {
        this.file = file;
        this.modelId = modelId;
        try {
            this.headerLength = header(modelId, 1, 0).length;
        } catch (IOException e) {
            throw new IllegalArgumentException("Model id too long for the cache header: " + modelId, e);
        }
    }

    public static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /**
     * The cached vectors by key; empty when there is no usable file. Every size in the file is checked
     * against the file's length before anything is allocated, so no damage can make this throw.
     */
    public Map<String, float[]> read() {
        if (!Files.isRegularFile(file)) {
            return new HashMap<>();
        }
        CRC32 crc = new CRC32();
        try (FileChannel channel = FileChannel.open(file);
             InputStream buffered = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
             DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, crc))) {
            long length = channel.size();
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return ignore("it is not an embedding cache of this version");
            }
            String model = in.readUTF();
            if (!model.equals(modelId)) {
                return ignore("it holds vectors of another model (" + model + ")");
            }
            int dimension = in.readInt();
            int count = in.readInt();
            if (dimension <= 0 || dimension > MAX_DIMENSION) {
                return ignore("its header is corrupt (dimension " + dimension + ")");
            }
            long expected = headerLength + count * (KEY_BYTES + (long) Float.BYTES * dimension) + CHECKSUM_BYTES;
            if (count < 0 || length != expected) {
                return ignore("its length (" + length + " bytes) does not match its header (" + count
                        + " entries of dimension " + dimension + ")");
            }
            Map<String, float[]> vectors = new HashMap<>((int) (count / 0.75f) + 1);
            byte[] hash = new byte[KEY_BYTES];
            for (int i = 0; i < count; i++) {
                in.readFully(hash);
                float[] vector = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    vector[d] = in.readFloat();
                }
                vectors.put(HexFormat.of().formatHex(hash), vector);
            }
            long computed = crc.getValue();
            long stored = new DataInputStream(buffered).readLong(); // the checksum is not part of itself
            if (stored != computed) {
                return ignore("its checksum does not match");
            }
            return vectors;
        } catch (EOFException e) {
            return ignore("it is truncated");
        } catch (IOException | RuntimeException e) {
            return ignore("it cannot be read (" + e + ")");
        }
    }

    /** Replaces the file with these vectors, atomically. A failure is logged: the cache is only an optimisation. */
    public void write(Map<String, float[]> vectors) {
        try {
            AtomicFile.replace(file, raw -> {
                CRC32 crc = new CRC32();
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
                int dimension = vectors.values().stream().findFirst().map(v -> v.length).orElse(0);
                out.write(header(modelId, Math.max(dimension, 1), vectors.size()));
                for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                    out.write(HexFormat.of().parseHex(entry.getKey()));
                    for (float value : entry.getValue()) {
                        out.writeFloat(value);
                    }
                }
                out.flush();
                new DataOutputStream(raw).writeLong(crc.getValue());
            });
        } catch (IOException e) {
            LOG.warnf("Could not write the embedding cache %s: %s", file, e.getMessage());
        }
    }

    /** Magic, version, model id, vector dimension and entry count: everything before the entries. */
    private static byte[] header(String modelId, int dimension, int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(modelId);
        out.writeInt(dimension);
        out.writeInt(count);
        return bytes.toByteArray();
    }

    private Map<String, float[]> ignore(String why) {
        LOG.warnf("Ignoring the embedding cache %s because %s; it will be rebuilt", file, why);
        return new HashMap<>();
    }
}
