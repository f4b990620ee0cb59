package dev.tenax.hostrun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles tiny C "models" with gcc and runs them in-process through the JNI bridge. */
class NativeModelTest {
  private static final int N = 16;

  /**
   * int8 add with saturation. The int16 sums go through the arena and the number of saturated
   * elements to a second, int32 output, so the test sees that every pointer arrived intact.
   */
  private static final String ADD_MODEL = """
      #include <stdint.h>
      #define N 16
      int32_t add_s8(const void *const *inputs, void *const *outputs, void *arena) {
        const int8_t *a = (const int8_t *) inputs[0];
        const int8_t *b = (const int8_t *) inputs[1];
        int8_t *y = (int8_t *) outputs[0];
        int32_t *saturated = (int32_t *) outputs[1];
        int16_t *sum = (int16_t *) arena;
        int32_t count = 0;
        for (int i = 0; i < N; i++) {
          sum[i] = (int16_t) (a[i] + b[i]);
        }
        for (int i = 0; i < N; i++) {
          int16_t s = sum[i];
          if (s > 127) { s = 127; count++; }
          if (s < -128) { s = -128; count++; }
          y[i] = (int8_t) s;
        }
        *saturated = count;
        return 0;
      }
      int32_t rejects_input(const void *const *inputs, void *const *outputs, void *arena) {
        (void) outputs; (void) arena;
        return inputs[0] == 0 ? -3 : -7;
      }
      """;

  /** Same entry point name as ADD_MODEL, different behaviour: RTLD_LOCAL keeps them apart. */
  private static final String TWIN_MODEL = """
      #include <stdint.h>
      int32_t add_s8(const void *const *inputs, void *const *outputs, void *arena) {
        (void) inputs; (void) outputs; (void) arena;
        return 42;
      }
      """;

  /** Links only lazily: RTLD_NOW must refuse it at open time. */
  private static final String UNRESOLVED_MODEL = """
      #include <stdint.h>
      extern int32_t tx_not_defined_anywhere(void);
      int32_t model(const void *const *inputs, void *const *outputs, void *arena) {
        (void) inputs; (void) outputs; (void) arena;
        return tx_not_defined_anywhere();
      }
      """;

  @TempDir static Path dir;
  private static Path addLib;

  @BeforeAll
  static void compile() throws Exception {
    if (SharedObjects.gccAvailable()) {
      addLib = SharedObjects.build(dir, "addmodel", ADD_MODEL);
    }
  }

  private static Path addLib() throws Exception {
    return addLib != null ? addLib : SharedObjects.build(dir, "addmodel", ADD_MODEL);
  }

  private static final byte[] A = {0, 1, -1, 127, -128, 100, -100, 127, -128, 64, 63, -64, -65, 5, 120, -7};
  private static final byte[] B = {0, 2, -3, 1, -1, 100, -100, 127, -128, 63, 64, -64, -64, -9, 7, -121};

  private static byte[] expectedSum() {
    byte[] y = new byte[N];
    for (int i = 0; i < N; i++) {
      y[i] = (byte) Math.max(-128, Math.min(127, A[i] + B[i]));
    }
    return y;
  }

  private static int expectedSaturated() {
    int n = 0;
    for (int i = 0; i < N; i++) {
      int s = A[i] + B[i];
      if (s > 127 || s < -128) {
        n++;
      }
    }
    return n;
  }

  @Test
  void runsModelOnDirectBuffers() throws Exception {
    try (NativeLibrary lib = NativeLibrary.open(addLib())) {
      ModelEntryPoint add = lib.entryPoint("add_s8");
      ByteBuffer a = ByteBuffer.allocateDirect(N).put(A).flip();
      ByteBuffer b = ByteBuffer.allocateDirect(N).put(B).flip();
      ByteBuffer y = ByteBuffer.allocateDirect(N);
      ByteBuffer saturated = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
      ByteBuffer arena = ByteBuffer.allocateDirect(2 * N).order(ByteOrder.nativeOrder());

      int status = add.invoke(new ByteBuffer[] {a, b}, new ByteBuffer[] {y, saturated}, arena);

      assertEquals(0, status);
      byte[] got = new byte[N];
      y.get(0, got);
      assertArrayEquals(expectedSum(), got);
      assertEquals(expectedSaturated(), saturated.getInt(0));
      assertEquals(7, expectedSaturated(), "the vectors saturate at both edges and stop one short of them");
      for (int i = 0; i < N; i++) {
        assertEquals(A[i] + B[i], arena.getShort(2 * i), "arena sum " + i);
      }
    }
  }

  @Test
  void passesEachPointerFromItsPosition() throws Exception {
    try (NativeLibrary lib = NativeLibrary.open(addLib());
        BytePointer inputs = new BytePointer(8 + 2 * N);
        BytePointer y = new BytePointer(N);
        IntPointer counts = new IntPointer(4);
        BytePointer arena = new BytePointer(8 + 2 * N)) {
      inputs.position(8).put(A, 0, N);
      inputs.position(8 + N).put(B, 0, N);
      counts.put(0, -1).put(1, -1).put(2, -1).put(3, -1);
      int status = lib.entryPoint("add_s8").invoke(
          new Pointer[] {new BytePointer(inputs).position(8), new BytePointer(inputs).position(8 + N)},
          new Pointer[] {y, new IntPointer(counts).position(2)},
          new BytePointer(arena).position(8));
      assertEquals(0, status);
      byte[] got = new byte[N];
      y.get(got);
      assertArrayEquals(expectedSum(), got);
      assertEquals(-1, counts.get(1));
      assertEquals(expectedSaturated(), counts.get(2), "an IntPointer's position counts ints, not bytes");
      assertEquals(-1, counts.get(3));
    }
  }

  @Test
  void returnsTheModelsErrorStatus() throws Exception {
    try (NativeLibrary lib = NativeLibrary.open(addLib())) {
      ModelEntryPoint rejects = lib.entryPoint("rejects_input");
      ByteBuffer x = ByteBuffer.allocateDirect(1);
      assertEquals(-7, rejects.invoke(new ByteBuffer[] {x}, new ByteBuffer[0], null));
      assertEquals(-3, rejects.invoke(new Pointer[] {null}, new Pointer[0], null));
    }
  }

  @Test
  void libraryThatDoesNotExistFailsWithTheLoadersReason() {
    Path missing = dir.resolve("no-such-model.so");
    NativeLoadException e = assertThrows(NativeLoadException.class, () -> NativeLibrary.open(missing));
    assertEquals("cannot load shared library " + missing + ": " + missing
        + ": cannot open shared object file: No such file or directory", e.getMessage());
  }

  @Test
  void fileThatIsNotASharedLibraryFailsWithTheLoadersReason() throws Exception {
    Path bogus = dir.resolve("bogus.so");
    Files.writeString(bogus, "this is not an ELF file, it is a long enough line of text to have a header\n");
    NativeLoadException e = assertThrows(NativeLoadException.class, () -> NativeLibrary.open(bogus));
    assertTrue(e.getMessage().startsWith("cannot load shared library " + bogus), e.getMessage());
    assertTrue(e.getMessage().contains("invalid ELF header"), e.getMessage());
  }

  @Test
  void missingSymbolFailsWithItsName() throws Exception {
    try (NativeLibrary lib = NativeLibrary.open(addLib())) {
      NativeLoadException e = assertThrows(NativeLoadException.class, () -> lib.entryPoint("sub_s8"));
      assertTrue(e.getMessage().startsWith("symbol 'sub_s8' not found in " + lib.path()), e.getMessage());
      assertTrue(e.getMessage().endsWith("undefined symbol: sub_s8"), e.getMessage());
    }
  }

  @Test
  void unresolvedReferenceFailsAtOpenNotAtCall() throws Exception {
    Path so = SharedObjects.build(dir, "unresolved", UNRESOLVED_MODEL);
    NativeLoadException e = assertThrows(NativeLoadException.class, () -> NativeLibrary.open(so));
    assertTrue(e.getMessage().contains("undefined symbol: tx_not_defined_anywhere"), e.getMessage());
  }

  @Test
  void modelsWithTheSameSymbolNamesStayApart() throws Exception {
    Path twin = SharedObjects.build(dir, "twinmodel", TWIN_MODEL);
    try (NativeLibrary first = NativeLibrary.open(addLib());
        NativeLibrary second = NativeLibrary.open(twin)) {
      ByteBuffer s = ByteBuffer.allocateDirect(4);
      ByteBuffer x = ByteBuffer.allocateDirect(N);
      ByteBuffer arena = ByteBuffer.allocateDirect(2 * N);
      assertEquals(42, second.entryPoint("add_s8").invoke(new ByteBuffer[0], new ByteBuffer[0], null));
      assertEquals(0, first.entryPoint("add_s8").invoke(new ByteBuffer[] {x, x}, new ByteBuffer[] {x, s}, arena));
    }
  }

  @Test
  void closedLibraryRefusesToRun() throws Exception {
    NativeLibrary lib = NativeLibrary.open(addLib());
    ModelEntryPoint rejects = lib.entryPoint("rejects_input");
    lib.close();
    lib.close();
    assertFalse(lib.isOpen());
    assertThrows(IllegalStateException.class, () -> rejects.invoke(new Pointer[] {null}, new Pointer[0], null));
    assertThrows(IllegalStateException.class, () -> lib.entryPoint("add_s8"));
  }

  @Test
  void heapBuffersAreRefused() throws Exception {
    try (NativeLibrary lib = NativeLibrary.open(addLib())) {
      ModelEntryPoint add = lib.entryPoint("add_s8");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> add.invoke(
          new ByteBuffer[] {ByteBuffer.allocate(N)}, new ByteBuffer[0], null));
      assertTrue(e.getMessage().contains("direct"), e.getMessage());
    }
  }
}
