package dev.atelier.domain.model;

/** A membership together with the member's public profile, as member lists show it. */
public record MemberProfile(Member member, String email, String name) {}
