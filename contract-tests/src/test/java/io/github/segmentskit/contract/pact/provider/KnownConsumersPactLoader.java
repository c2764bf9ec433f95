package io.github.segmentskit.contract.pact.provider;

import au.com.dius.pact.core.model.DirectorySource;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.provider.junitsupport.loader.PactFolderLoader;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import io.github.segmentskit.contract.pact.Pacts;
import java.io.IOException;
import java.util.List;

/**
 * Loads the pacts in {@link Pacts#directory()} ({@code pact.rootDir}) of the known consumers only
 * ({@link LiveAllowList#CONSUMERS}): a pact file of any other consumer that lands in the folder is
 * not loaded, so it is never replayed on a real store and never counted in a control. Used as
 * {@code @PactSource(KnownConsumersPactLoader.class)}.
 */
public final class KnownConsumersPactLoader implements PactLoader {
  private final PactFolderLoader folder = new PactFolderLoader(Pacts.directory().toFile());

  public KnownConsumersPactLoader() {}

  @Override
  public List<Pact> load(String providerName) throws IOException {
    return folder.load(providerName).stream()
        .filter(pact -> LiveAllowList.CONSUMERS.contains(pact.getConsumer().getName()))
        .toList();
  }

  @Override
  public PactSource getPactSource() {
    return new DirectorySource(Pacts.directory().toFile());
  }

  @Override
  public String description() {
    return "pacts of " + LiveAllowList.CONSUMERS + " in " + Pacts.directory();
  }
}
