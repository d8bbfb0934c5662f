package dev.updraft.processor;

import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Checks the Updraft SDK's annotations at compile time and registers {@code @DagDefinition} classes
 * in {@code META-INF/services/dev.updraft.sdk.DagFactory}, where the DAG bag finds them.
 *
 * <p>Every misuse is reported as a compile error on the offending element, all of them in one run:
 * a {@code @DagDefinition}, {@code @ArtifactType} or {@code @Component} class that cannot be
 * instantiated or has the wrong supertype, a {@code DagFactory} or {@code Artifact} subclass
 * without its annotation, a {@code @Task} method that is private, abstract or void, and a
 * {@code @ComponentFunction} with a wrong signature or unannotated parameters.
 *
 * <p>The SDK types are referred to by name, so the processor has no dependency on the SDK; with no
 * SDK on the classpath it checks nothing.
 */
// "*": DagFactory and Artifact subclasses that lack their annotation are checked too.
@SupportedAnnotationTypes("*")
public final class UpdraftProcessor extends AbstractProcessor {
  private static final String DAG_FACTORY_SERVICE = Names.DAG_FACTORY;

  // Collected over all rounds, written once in the last: the Filer creates a file only once.
  private final Set<String> dagFactories = new TreeSet<>();
  private DagDefinitionChecks dagDefinitionChecks;
  private TaskChecks taskChecks;
  private ComponentChecks componentChecks;
  private ArtifactTypeChecks artifactTypeChecks;
  private ServiceFileWriter serviceFileWriter;

  /** Creates the processor; javac instantiates it through {@code ServiceLoader}. */
  public UpdraftProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    ModelSupport model = new ModelSupport(processingEnv);
    dagDefinitionChecks = new DagDefinitionChecks(model);
    taskChecks = new TaskChecks(model);
    componentChecks = new ComponentChecks(model);
    artifactTypeChecks = new ArtifactTypeChecks(model);
    serviceFileWriter =
        new ServiceFileWriter(processingEnv.getFiler(), processingEnv.getMessager());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    dagFactories.addAll(dagDefinitionChecks.check(round));
    taskChecks.check(round);
    componentChecks.check(round);
    artifactTypeChecks.check(round);
    if (round.processingOver()) {
      serviceFileWriter.write(DAG_FACTORY_SERVICE, dagFactories);
    }
    // Claim nothing: other processors may handle the same annotations.
    return false;
  }
}
