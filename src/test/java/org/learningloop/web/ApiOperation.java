package org.learningloop.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One operation of an OpenAPI description: its method ("get"), its path and its description. */
record ApiOperation(String method, String path, JsonNode operation) {

  /** Every operation the description lists, path by path. */
  static List<ApiOperation> all(JsonNode description) {
    List<ApiOperation> all = new ArrayList<>();
    description
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method ->
                            all.add(
                                new ApiOperation(
                                    method.getKey(), path.getKey(), method.getValue()))));
    return all;
  }
}
