package dev.supervisedtemporal.lifecycle.backend;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** The types a custom search attribute can have, named as the Temporal CLI names them. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum SearchAttributeType {
  /** Full-text searchable text. */
  TEXT("Text"),
  /** An exact-match string. */
  KEYWORD("Keyword"),
  /** A 64-bit integer. */
  INT("Int"),
  /** A double. */
  DOUBLE("Double"),
  /** A boolean. */
  BOOL("Bool"),
  /** A timestamp. */
  DATETIME("Datetime"),
  /** A list of exact-match strings. */
  KEYWORD_LIST("KeywordList");

  private final String cliName;

  SearchAttributeType(String cliName) {
    this.cliName = cliName;
  }

  /** The name the CLI's {@code --search-attribute NAME=TYPE} and this library's text use. */
  public String cliName() {
    return cliName;
  }

  /** The type with this name (case-insensitive, e.g. {@code Keyword}), if there is one. */
  public static Optional<SearchAttributeType> named(String text) {
    String t = text == null ? "" : text.trim().replace("_", "");
    return Arrays.stream(values()).filter(v -> v.cliName.equalsIgnoreCase(t)).findFirst();
  }

  /** The accepted names, for messages. */
  public static String accepted() {
    return Arrays.stream(values()).map(SearchAttributeType::cliName)
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
