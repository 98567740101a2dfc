package dev.apisync.activities.config;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored configs and the relational mappings between them (config → the configs its relational
 * lines map related records with), read in one query ({@link ConfigStore#mappings}).
 *
 * @param configs every stored config by id, with its model
 * @param mapsWith a config's relational lines' mapping configs, in line order
 */
record MappingGraph(Map<Long, StoredRef> configs, Map<Long, List<Long>> mapsWith) {

  /** A stored config as the graph knows it. */
  record StoredRef(long id, String name, String model) {

    ConfigRef ref() {
      return new ConfigRef(id, name);
    }
  }

  /** {@code top} maps, through {@code levels} relational hops, with a given config. */
  record Chain(long top, int levels) {}

  Optional<StoredRef> find(long id) {
    return Optional.ofNullable(configs.get(id));
  }

  /** The configs whose relational lines map with {@code id} (itself excluded), by id. */
  List<ConfigRef> usersOf(long id) {
    return mapsWith.entrySet().stream()
        .filter(entry -> entry.getKey() != id && entry.getValue().contains(id))
        .map(entry -> configs.get(entry.getKey()).ref())
        .sorted(Comparator.comparingLong(ConfigRef::id))
        .toList();
  }

  /** How many levels of related objects a stored config's lines build, itself counting one. */
  int levels(long configId) {
    return levels(configId, new HashSet<>());
  }

  private int levels(long configId, Set<Long> visiting) {
    if (!visiting.add(configId)) {
      return 0; // a loop, reported on its own
    }
    int deepest =
        mapsWith.getOrDefault(configId, List.of()).stream()
            .mapToInt(child -> levels(child, visiting))
            .max()
            .orElse(0);
    visiting.remove(configId);
    return 1 + deepest;
  }

  /** The config furthest above that maps, through relational lines, with {@code configId}. */
  Optional<Chain> longestUserChain(long configId) {
    return longestUserChain(configId, new HashSet<>());
  }

  private Optional<Chain> longestUserChain(long configId, Set<Long> visiting) {
    if (!visiting.add(configId)) {
      return Optional.empty();
    }
    Optional<Chain> longest = Optional.empty();
    for (ConfigRef user : usersOf(configId)) {
      Chain chain =
          longestUserChain(user.id(), visiting)
              .map(above -> new Chain(above.top(), above.levels() + 1))
              .orElse(new Chain(user.id(), 1));
      if (longest.isEmpty() || chain.levels() > longest.get().levels()) {
        longest = Optional.of(chain);
      }
    }
    visiting.remove(configId);
    return longest;
  }

  /** Whether {@code from}'s relational lines lead, directly or not, to {@code target}. */
  boolean mapsThrough(long from, long target) {
    Set<Long> visited = new HashSet<>();
    Deque<Long> pending = new ArrayDeque<>(List.of(from));
    while (!pending.isEmpty()) {
      long current = pending.pop();
      if (current == target) {
        return true;
      }
      if (visited.add(current)) {
        mapsWith.getOrDefault(current, List.of()).forEach(pending::push);
      }
    }
    return false;
  }
}
