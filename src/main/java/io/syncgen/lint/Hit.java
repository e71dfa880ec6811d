package io.syncgen.lint;

/**
 * A rule a statement breaks, before the phase and acknowledgements decide what it means.
 *
 * @param rule the rule
 * @param subject what it concerns, in words ({@code column email of accounts})
 */
record Hit(LintRule rule, String subject) {}
