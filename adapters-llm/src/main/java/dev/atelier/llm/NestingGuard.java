package dev.atelier.llm;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses embedded documents (archive entries, attachments) like Tika does, but counts nesting
 * depth and parts, and stops the whole parse when either goes over its limit. Tika records
 * (and swallows) failures of embedded documents, so the guard remembers that it tripped.
 */
final class NestingGuard extends ParsingEmbeddedDocumentExtractor {
    static final int MAX_PACKAGE_DEPTH = 4;
    private static final int MAX_EMBEDDED_PARTS = 5_000;

    private int depth;
    private int parts;
    private boolean tripped;

    NestingGuard(ParseContext context) {
        super(context);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (++parts > MAX_EMBEDDED_PARTS || depth + 1 > MAX_PACKAGE_DEPTH) {
            tripped = true;
            throw new SAXException("Suspected zip bomb: embedded documents nested or repeated too often");
        }
        depth++;
        try {
            super.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    boolean tripped() {
        return tripped;
    }
}
