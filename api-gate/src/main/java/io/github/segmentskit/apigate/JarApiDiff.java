package io.github.segmentskit.apigate;

import static java.util.Objects.requireNonNull;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.config.Options;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiConstructor;
import japicmp.model.JApiField;
import japicmp.model.JApiImplementedInterface;
import japicmp.model.JApiMethod;
import japicmp.model.JApiParameter;
import japicmp.output.html.HtmlOutputGenerator;
import japicmp.output.html.HtmlOutputGeneratorOptions;
import japicmp.output.markdown.MarkdownOutputGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares the API of jars with japicmp: public and protected classes and members, as code compiled
 * against the old jars sees them.
 */
final class JarApiDiff {

  private final List<Path> classpath;

  /**
   * @param classpath the third-party jars the compared jars refer to (Jackson, ...), so japicmp can
   *     follow superclasses and interfaces outside them
   */
  JarApiDiff(List<Path> classpath) {
    this.classpath = List.copyOf(requireNonNull(classpath, "classpath == null"));
  }

  /** The outcome of one comparison: japicmp's classes, for the reports, and the changes found. */
  record Result(Options options, List<JApiClass> classes, List<ApiChange> changes) {}

  /**
   * Compares {@code oldJars} with {@code newJars}, limited to classes of {@code packages} (a
   * package name, or {@code name.*} for it and its subpackages).
   */
  Result compare(
      List<Path> oldJars,
      String oldVersion,
      List<Path> newJars,
      String newVersion,
      List<String> packages) {
    requireNonNull(oldJars, "oldJars == null");
    requireNonNull(newJars, "newJars == null");
    requireNonNull(packages, "packages == null");
    Options options = Options.newDefault();
    options.setOldArchives(archives(oldJars, oldVersion));
    options.setNewArchives(archives(newJars, newVersion));
    options.setOutputOnlyModifications(true);
    // Package filters (javadoc-like: a package, or "name.*" for it and its subpackages).
    options.addIncludeFromArgument(Optional.of(String.join(";", packages)), false);
    JarArchiveComparatorOptions comparatorOptions = JarArchiveComparatorOptions.of(options);
    for (Path entry : classpath) {
      comparatorOptions.getClassPathEntries().add(entry.toString());
    }
    List<JApiClass> classes =
        new JarArchiveComparator(comparatorOptions)
            .compare(options.getOldArchives(), options.getNewArchives());
    return new Result(options, classes, changes(classes));
  }

  /**
   * Writes japicmp's Markdown and HTML reports of a comparison: {@code <name>.md}, {@code .html}.
   */
  static void writeReports(Result result, Path directory, String name, String title)
      throws IOException {
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve(name + ".md"),
        new MarkdownOutputGenerator(result.options(), result.classes()).generate(),
        StandardCharsets.UTF_8);
    HtmlOutputGeneratorOptions html = new HtmlOutputGeneratorOptions();
    html.setTitle(title);
    Files.writeString(
        directory.resolve(name + ".html"),
        new HtmlOutputGenerator(result.classes(), result.options(), html).generate().getHtml(),
        StandardCharsets.UTF_8);
  }

  private static List<JApiCmpArchive> archives(List<Path> jars, String version) {
    List<JApiCmpArchive> archives = new ArrayList<>();
    for (Path jar : jars) {
      archives.add(new JApiCmpArchive(jar.toFile(), version));
    }
    return archives;
  }

  /**
   * Every compatibility change japicmp attached to a class or one of its members. A removed class
   * is one change: its members, supertypes and fields went with it.
   */
  private static List<ApiChange> changes(List<JApiClass> classes) {
    List<ApiChange> changes = new ArrayList<>();
    for (JApiClass jApiClass : classes) {
      String name = jApiClass.getFullyQualifiedName();
      add(changes, name, jApiClass);
      if (jApiClass.getChangeStatus() == JApiChangeStatus.REMOVED) {
        continue;
      }
      add(changes, name + " (superclass)", jApiClass.getSuperclass());
      for (JApiImplementedInterface implemented : jApiClass.getInterfaces()) {
        add(changes, name + " implements " + implemented.getFullyQualifiedName(), implemented);
      }
      for (JApiConstructor constructor : jApiClass.getConstructors()) {
        add(changes, name + parameters(constructor), constructor);
      }
      for (JApiMethod method : jApiClass.getMethods()) {
        add(changes, name + "." + method.getName() + parameters(method), method);
      }
      for (JApiField field : jApiClass.getFields()) {
        add(changes, name + "." + field.getName(), field);
      }
    }
    return changes;
  }

  private static void add(
      List<ApiChange> changes, String element, JApiCompatibility compatibility) {
    for (JApiCompatibilityChange change : compatibility.getCompatibilityChanges()) {
      changes.add(
          new ApiChange(
              element,
              change.getType().name(),
              change.isBinaryCompatible(),
              change.isSourceCompatible()));
    }
  }

  private static String parameters(JApiBehavior behavior) {
    return behavior.getParameters().stream()
        .map(JApiParameter::getType)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
