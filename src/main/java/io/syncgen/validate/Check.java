package io.syncgen.validate;

import io.syncgen.manifest.Manifest;
import java.util.List;

/**
 * One family of rules: objects in, located findings out, like one of kustomize's filters. A check
 * is a pure function of the set validated together (the output of one render, or every file of one
 * {@code syncgen validate} command line): it reads the objects, changes none, and returns its
 * findings in any order; {@link Validator} drops the skipped and opted-out ones and sorts the rest
 * by {@link Finding#ORDER}. A check calls no other check: {@link Validator} runs each of its list.
 */
interface Check {
  /**
   * Checks a set of objects.
   *
   * @param manifests the set, in input order
   * @return the findings, in any order; empty when the set passes
   */
  List<Finding> check(List<Manifest> manifests);
}
