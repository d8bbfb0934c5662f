package dev.updraft.scheduler.dagbag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedParallelTest {
  @Test
  void keepsTheOrderOfItsInput() {
    List<Integer> numbers = IntStream.range(0, 5_000).boxed().toList();

    List<String> mapped = OrderedParallel.map(numbers, n -> "#" + n);

    assertThat(mapped).isEqualTo(numbers.stream().map(n -> "#" + n).toList());
  }

  @Test
  void mapsEmptyAndSingleItemListsInPlace() {
    assertThat(OrderedParallel.map(List.<Integer>of(), n -> n + 1)).isEmpty();
    assertThat(OrderedParallel.map(List.of(41), n -> n + 1)).containsExactly(42);
  }
}
