package io.syncgen.plugin;

import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.render.RenderOptions;

/**
 * What {@code cmp generate} renders, and how ({@link PluginEnvironment#prepare}).
 *
 * @param app the descriptor with the environment, the overrides and the namespace default
 * @param options the revision, and whether the namespace is the Application's
 */
public record Rendering(AppDescriptor app, RenderOptions options) {}
