package org.learningloop.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The command-line arguments the benchmark programs start the application with (as arguments, so
 * that they win over the profile's configuration).
 */
public final class BenchmarkArguments {

  private BenchmarkArguments() {}

  /**
   * The application against the database given, on a free port, with the demo users and no demo
   * data; then {@code more}.
   */
  public static List<String> against(String url, String user, String password, String... more) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--server.port=0",
                "--learning-loop.demo.users=true",
                "--learning-loop.demo.allow-external-database=true",
                "--learning-loop.demo.data=false"));
    arguments.addAll(List.of(more));
    return arguments;
  }
}
