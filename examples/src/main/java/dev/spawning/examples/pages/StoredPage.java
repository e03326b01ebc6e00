package dev.spawning.examples.pages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * One page as stored: the data as PUT and the output rendered from it, in one file so that one
 * rename replaces both. The arrays are not copied: never change them.
 *
 * @param path             the path below the mount point (what the page is stored under)
 * @param template         the template's name, without {@code .mustache}
 * @param templateModified the template file's time when the output was rendered, in epoch ms
 * @param dataModified     when the data was PUT, in epoch ms
 * @param outputModified   when the output last changed, in epoch ms
 * @param data             the request body of the PUT, as received
 * @param output           the rendered bytes
 */
record StoredPage(String path, String template, long templateModified, long dataModified, long outputModified,
        byte[] data, byte[] output) {

    private static final int MAGIC = 0x53504731; // "SPG1"

    /** {@return the strong entity tag of the rendered page} */
    String pageTag() {
        return tag("p", output);
    }

    /** {@return the strong entity tag of the data, which differs from the page's even for equal bytes} */
    String dataTag() {
        return tag("d", data);
    }

    /**
     * This page rendered again; its output time changes only when its bytes do.
     *
     * @param newTemplate         the template that rendered it
     * @param newTemplateModified that template's time
     * @param newOutput           the output
     * @param now                 the time, in epoch ms
     * @return the new page
     */
    StoredPage rerendered(String newTemplate, long newTemplateModified, byte[] newOutput, long now) {
        boolean changed = !Arrays.equals(output, newOutput);
        return new StoredPage(path, newTemplate, newTemplateModified, dataModified, changed ? now : outputModified,
                data, newOutput);
    }

    /**
     * This page, new, in place of {@code old}; each time stays where its bytes did not change.
     *
     * @param old the page stored before; may be {@code null}
     * @return the page to store
     */
    StoredPage replacing(StoredPage old) {
        if (old == null) {
            return this;
        }
        return new StoredPage(path, template, templateModified,
                Arrays.equals(old.data, data) ? old.dataModified : dataModified,
                Arrays.equals(old.output, output) ? old.outputModified : outputModified, data, output);
    }

    byte[] encode() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + data.length + output.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            writeBytes(out, path.getBytes(StandardCharsets.ISO_8859_1));
            writeBytes(out, template.getBytes(StandardCharsets.UTF_8));
            out.writeLong(templateModified);
            out.writeLong(dataModified);
            out.writeLong(outputModified);
            writeBytes(out, data);
            writeBytes(out, output);
        }
        return bytes.toByteArray();
    }

    static StoredPage decode(byte[] file) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a stored page");
        }
        String path = new String(readBytes(in), StandardCharsets.ISO_8859_1);
        String template = new String(readBytes(in), StandardCharsets.UTF_8);
        return new StoredPage(path, template, in.readLong(), in.readLong(), in.readLong(), readBytes(in),
                readBytes(in));
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("A stored page is cut short");
        }
        return in.readNBytes(length);
    }

    private static String tag(String kind, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + kind + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }
}
