package dev.atelier.application.exchange;

import java.util.List;

/**
 * Names, versions and limits of Atelier's export objects (docs/export-format.md describes them).
 *
 * <p>Version policy: {@link #VERSION} is raised whenever a change would make an older Atelier
 * misread an export (a removed or renamed column, a changed meaning); additive, ignorable columns
 * keep the version. An import accepts exactly the versions in {@link #SUPPORTED_VERSIONS} and
 * rejects any other with a message naming it.
 */
public final class ExportFormat {
    public static final String PROJECT_FORMAT = "atelier.project";
    public static final String WORKSPACE_FORMAT = "atelier.workspace";
    public static final int VERSION = 1;
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(1);

    public static final String PROJECTS = "projects";
    public static final String PARAMS = "project_params";
    public static final String MEMBERS = "project_members";
    public static final String DOCUMENTS = "project_documents";
    public static final String EVENTS = "project_events";
    public static final String WORKSPACES = "workspaces";

    /** The tables of one project's data, in the order they are written and imported. */
    public static final List<String> PROJECT_TABLES = List.of(PROJECTS, PARAMS, MEMBERS, DOCUMENTS, EVENTS);

    public static final List<String> WORKSPACE_LEVEL_TABLES = List.of(WORKSPACES);

    /** Largest original document an import accepts (decoded bytes). */
    public static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

    /** Largest extracted text of one document an import accepts (characters). */
    public static final int MAX_DOCUMENT_TEXT = 10_000_000;

    /** Largest number of projects one workspace import accepts. */
    public static final int MAX_PROJECTS = 100_000;

    /** Largest number of emails listed in an import summary's {@code dropped_member_emails}. */
    static final int MAX_REPORTED_EMAILS = 100;

    private ExportFormat() {}
}
