/**
 * JUnit 5 support: {@link io.github.segmentskit.simulator.junit.SegmentsSimulatorExtension} runs a
 * simulator for the tests of a class. The only package of the simulator that uses JUnit, a provided
 * dependency.
 */
package io.github.segmentskit.simulator.junit;
