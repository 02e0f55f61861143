/**
 * The web console: its page at {@code /} and its security headers. The console itself is static
 * files ({@code src/main/resources/console}) that speak Atelier's public API like any client.
 */
package dev.atelier.http.console;
