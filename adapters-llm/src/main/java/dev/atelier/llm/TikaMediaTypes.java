package dev.atelier.llm;

import dev.atelier.domain.error.UnreadableContentException;
import java.io.IOException;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * Which format a file is, and whether Atelier reads it: the media type is detected from the bytes
 * with Tika's detector (the file name only breaks ties, e.g. CSV versus plain text); executables
 * and unknown binaries are refused, and so is every type no parser supports.
 */
final class TikaMediaTypes {
    private static final Set<String> REFUSED = Set.of(
            "application/octet-stream",
            "application/x-executable",
            "application/x-sharedlib",
            "application/x-msdownload",
            "application/x-dosexec",
            "application/x-mach-o-executable",
            "application/java-vm",
            "application/x-elf");

    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final Set<MediaType> supported;

    /** @param supported the media types the parser reads */
    TikaMediaTypes(TikaConfig tika, Set<MediaType> supported) {
        this.detector = tika.getDetector();
        this.registry = tika.getMediaTypeRegistry();
        this.supported = supported;
    }

    /** The base media type of the bytes; the name is only a hint for types magic cannot tell apart. */
    String detect(String name, byte[] content) {
        MediaType fromContent = detect(content, new Metadata(), name);
        Metadata hint = new Metadata();
        hint.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        MediaType withName = detect(content, hint, name);
        boolean refines =
                !fromContent.equals(MediaType.OCTET_STREAM) && registry.isSpecializationOf(withName, fromContent);
        return (refines ? withName : fromContent).toString();
    }

    private MediaType detect(byte[] content, Metadata metadata, String name) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return detector.detect(in, metadata).getBaseType();
        } catch (IOException e) {
            throw new UnreadableContentException(name + " could not be inspected", e);
        }
    }

    /** Whether Atelier reads the type: not a refused one, and it or a supertype has a parser. */
    boolean readable(String type) {
        return !REFUSED.contains(type) && parsed(type);
    }

    private boolean parsed(String type) {
        MediaType t = MediaType.parse(type);
        while (t != null && !t.equals(MediaType.OCTET_STREAM)) {
            if (supported.contains(t)) {
                return true;
            }
            t = registry.getSupertype(t);
        }
        return false;
    }
}
