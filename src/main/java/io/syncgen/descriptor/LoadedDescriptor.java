package io.syncgen.descriptor;

/**
 * A descriptor that parsed and passed every check, with where each of its fields stands.
 *
 * @param app the descriptor, defaults applied
 * @param source where each field was written, for later findings
 */
public record LoadedDescriptor(AppDescriptor app, SourceMap source) {}
