package io.github.groundedbot.embedding;

import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
 * leaves either the old file or the new one, never half of one. A file that is corrupt, truncated
 * or from another model is ignored (and rebuilt at the next write) with a log line.
 */
public final class EmbeddingCache {

    private static final Logger LOG = Logger.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x47424543; // "GBEC"
    private static final int VERSION = 1;

    private final Path file;
    private final String modelId;

    public EmbeddingCache(Path file, String modelId) {
        this.file = file;
        this.modelId = modelId;
    }

    public static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** The cached vectors by key; empty when there is no usable file. */
    public Map<String, float[]> read() {
        if (!Files.isRegularFile(file)) {
            return new HashMap<>();
        }
        CRC32 crc = new CRC32();
        try (InputStream buffered = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, crc))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return ignore("it is not an embedding cache of this version");
            }
            String model = in.readUTF();
            if (!model.equals(modelId)) {
                return ignore("it holds vectors of another model (" + model + ")");
            }
            int dimension = in.readInt();
            int count = in.readInt();
            if (dimension <= 0 || dimension > 10_000 || count < 0) {
                return ignore("its header is corrupt");
            }
            Map<String, float[]> vectors = new HashMap<>(Math.max(16, count * 2));
            byte[] hash = new byte[32];
            for (int i = 0; i < count; i++) {
                in.readFully(hash);
                float[] vector = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    vector[d] = in.readFloat();
                }
                vectors.put(HexFormat.of().formatHex(hash), vector);
            }
            long expected = crc.getValue();
            long stored = new DataInputStream(buffered).readLong(); // the checksum is not part of itself
            if (stored != expected) {
                return ignore("its checksum does not match");
            }
            return vectors;
        } catch (EOFException e) {
            return ignore("it is truncated");
        } catch (IOException e) {
            return ignore("it cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Replaces the file with these vectors, atomically. A failure is logged: the cache is only an optimisation. */
    public void write(Map<String, float[]> vectors) {
        try {
            AtomicFile.replace(file, raw -> {
                CRC32 crc = new CRC32();
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
                int dimension = vectors.values().stream().findFirst().map(v -> v.length).orElse(0);
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(modelId);
                out.writeInt(Math.max(dimension, 1));
                out.writeInt(vectors.size());
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

    private Map<String, float[]> ignore(String why) {
        LOG.warnf("Ignoring the embedding cache %s because %s; it will be rebuilt", file, why);
        return new HashMap<>();
    }
}
