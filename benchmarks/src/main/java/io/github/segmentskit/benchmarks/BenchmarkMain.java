package io.github.segmentskit.benchmarks;

/** Placeholder. */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  public static void main(String[] args) {}
}
