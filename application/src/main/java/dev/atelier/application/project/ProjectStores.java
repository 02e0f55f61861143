package dev.atelier.application.project;

import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;

/**
 * The five repositories a project's rows live in: the project, its params history, its members,
 * its documents and its timeline. Use cases that write or read a project across its tables (create
 * one from a template, a context or an archive; export, import and copy) take them as one
 * collaborator instead of five constructor parameters.
 */
public record ProjectStores(
        ProjectRepository projects,
        ParamHistoryRepository params,
        MemberRepository members,
        DocumentRepository documents,
        EventRepository events) {}
