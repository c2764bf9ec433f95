/**
 * The upstream drift check: compares the kit's spec with a copy of BigCommerce's published spec and
 * sorts every difference into a recorded deviation ({@code openapi/deviations.yaml}), an upstream
 * change, or an unrecorded difference, which fails the build. Entry point: {@link
 * io.github.segmentskit.spec.drift.DriftMain}; see docs/spec-changes.md.
 */
package io.github.segmentskit.spec.drift;
