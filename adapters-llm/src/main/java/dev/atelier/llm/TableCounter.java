package dev.atelier.llm;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Counts the tables Tika emits for spreadsheets (one per sheet): data rows (each table's first
 * row is taken as its header) and the widest row's cells.
 */
final class TableCounter extends ContentHandlerDecorator {
    private int tables;
    private int rows;
    private int columns;
    private int cellsInRow;
    private int rowsInTable;

    TableCounter(ContentHandler out) {
        super(out);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        switch (localName) {
            case "table" -> {
                tables++;
                rowsInTable = 0;
            }
            case "tr" -> {
                rowsInTable++;
                cellsInRow = 0;
            }
            case "td", "th" -> cellsInRow++;
            default -> {}
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (localName.equals("tr")) {
            columns = Math.max(columns, cellsInRow);
            if (rowsInTable > 1) {
                rows++;
            }
        }
        super.endElement(uri, localName, qName);
    }

    /** Data rows over all tables, or -1 when there was no table. */
    int rows() {
        return tables == 0 ? -1 : rows;
    }

    int columns() {
        return columns;
    }
}
