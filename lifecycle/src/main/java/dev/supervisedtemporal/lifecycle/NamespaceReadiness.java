package dev.supervisedtemporal.lifecycle;

import dev.supervisedtemporal.lifecycle.backend.SearchAttributeType;
import dev.supervisedtemporal.lifecycle.backend.ServerOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The part of readiness after gRPC health: the server's namespaces and custom search attributes
 * are there, so a client can use them as soon as the manager reports the server ready.
 *
 * <p>Servers that cannot be given search attributes on their command line (the embedded Java
 * test server) get them here through {@code OperatorService/AddSearchAttributes} at every start;
 * since an in-memory server forgets them when it dies, this is part of every restart before the
 * supervisor reports it healthy. Then {@code DescribeNamespace} must answer for every namespace,
 * and where the server can list search attributes ({@code OperatorService/ListSearchAttributes},
 * not implemented by the test server) every asked-for attribute must be listed with its type.
 */
final class NamespaceReadiness {

  private NamespaceReadiness() {}

  /**
   * Sets up and checks the namespaces and search attributes.
   *
   * @param channel a channel to the server
   * @param namespace the manager's namespace
   * @param options the asked-for namespaces and search attributes
   * @param registerSearchAttributes whether to register the search attributes through the API
   *     (else the server was told on its command line, and they are only checked)
   * @param timeout the deadline of each call
   * @return empty when everything is there, else what is missing or failed
   */
  static Optional<String> check(ManagedChannel channel, String namespace, ServerOptions options,
      boolean registerSearchAttributes, Duration timeout) {
    List<String> namespaces = new ArrayList<>();
    namespaces.add(namespace);
    options.namespaces().stream().filter(n -> !namespaces.contains(n)).forEach(namespaces::add);
    Map<String, IndexedValueType> wanted = new LinkedHashMap<>();
    options.searchAttributes().forEach((name, type) -> wanted.put(name, indexed(type)));
    try {
      if (registerSearchAttributes && !wanted.isEmpty()) {
        Optional<String> added = add(channel, namespace, wanted, timeout);
        if (added.isPresent()) {
          return added;
        }
      }
      for (String ns : namespaces) {
        try {
          WorkflowServiceGrpc.newBlockingStub(channel)
              .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
              .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(ns).build());
        } catch (StatusRuntimeException e) {
          return Optional.of("DescribeNamespace(" + ns + ") failed: " + describe(e));
        }
      }
      if (!registerSearchAttributes && !wanted.isEmpty()) {
        for (String ns : namespaces) {
          Optional<String> missing = listed(channel, ns, wanted, timeout);
          if (missing.isPresent()) {
            return missing;
          }
        }
      }
      return Optional.empty();
    } finally {
      channel.resetConnectBackoff();
    }
  }

  private static Optional<String> add(ManagedChannel channel, String namespace,
      Map<String, IndexedValueType> wanted, Duration timeout) {
    try {
      OperatorServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
          .addSearchAttributes(AddSearchAttributesRequest.newBuilder().setNamespace(namespace)
              .putAllSearchAttributes(wanted).build());
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return Optional.empty(); // an earlier round of this readiness loop added them
      }
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        throw new UnsupportedOperationException("searchAttributes: this server cannot register "
            + "search attributes through OperatorService/AddSearchAttributes (" + describe(e)
            + "); accepted: no searchAttributes with this backend");
      }
      return Optional.of("AddSearchAttributes(" + wanted.keySet() + ") failed: " + describe(e));
    }
  }

  private static Optional<String> listed(ManagedChannel channel, String namespace,
      Map<String, IndexedValueType> wanted, Duration timeout) {
    ListSearchAttributesResponse response;
    try {
      response = OperatorServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
          .listSearchAttributes(ListSearchAttributesRequest.newBuilder()
              .setNamespace(namespace).build());
    } catch (StatusRuntimeException e) {
      return Optional.of("ListSearchAttributes(" + namespace + ") failed: " + describe(e));
    }
    Map<String, IndexedValueType> custom = response.getCustomAttributesMap();
    for (Map.Entry<String, IndexedValueType> w : wanted.entrySet()) {
      if (custom.get(w.getKey()) != w.getValue()) {
        return Optional.of("search attribute " + w.getKey() + " (" + w.getValue() + ") is not "
            + "registered in namespace " + namespace + "; custom attributes there: "
            + custom.keySet());
      }
    }
    return Optional.empty();
  }

  private static IndexedValueType indexed(SearchAttributeType type) {
    return IndexedValueType.valueOf("INDEXED_VALUE_TYPE_" + type.name());
  }

  private static String describe(StatusRuntimeException e) {
    String d = e.getStatus().getDescription();
    return e.getStatus().getCode() + (d == null ? "" : ": " + d);
  }
}
