using ModelDsl.Training;

namespace ModelDsl.Tests.Training;

public sealed class CheckpointStoreTests
{
    private static CheckpointMetadata Metadata(ModelDescription architecture, int step) =>
        new(CheckpointMetadata.CurrentFormatVersion, architecture, step, Seed: 1, 50, 60, 50, step, string.Empty, null, [new TrainingLogEntry(step, 1.5, 1e-3, 50, 60)], 2.5);

    [Fact]
    public void SaveAndLoadRestoreWeights()
    {
        var folder = TrainingFixtures.TemporaryFolder();
        try
        {
            var store = new CheckpointStore(folder);
            using var saved = TrainingFixtures.Model();
            store.Save("best", saved, optimizer: null, Metadata(saved.Architecture, 7));

            using var loaded = new Modules.HandWrittenModel(TrainingFixtures.Architecture(), new ModelOptions { ScanPath = ScanPath.Reference, Seed = 99 });
            var metadata = store.Load("best", loaded);

            Assert.Equal(7, metadata.Step);
            Assert.Equal("best.step7.weights", metadata.WeightsFile);
            Assert.Equal(saved.Architecture.DModel, metadata.Architecture.DModel);
            Assert.Single(metadata.History);
            foreach (var ((name, expected), (_, actual)) in saved.named_parameters().Zip(loaded.named_parameters()))
            {
                Assert.True(expected.allclose(actual, rtol: 0, atol: 0), $"parameter {name} differs after loading");
            }

            Assert.DoesNotContain(Directory.GetFiles(folder), path => path.EndsWith(".tmp", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NewerSaveReplacesOlderFiles()
    {
        var folder = TrainingFixtures.TemporaryFolder();
        try
        {
            var store = new CheckpointStore(folder);
            using var model = TrainingFixtures.Model();
            store.Save("last", model, optimizer: null, Metadata(model.Architecture, 1));
            store.Save("last", model, optimizer: null, Metadata(model.Architecture, 2));

            Assert.Equal(["last.json", "last.step2.weights"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MismatchedArchitectureIsNamed()
    {
        var folder = TrainingFixtures.TemporaryFolder();
        try
        {
            var store = new CheckpointStore(folder);
            using var saved = TrainingFixtures.Model(dState: 8, name: "Mamba2L");
            store.Save("best", saved, optimizer: null, Metadata(saved.Architecture, 3));

            using var other = TrainingFixtures.Model(dState: 4, name: "Mamba2LDState4");
            var exception = Assert.Throws<ArchitectureMismatchException>(() => store.Load("best", other));

            Assert.Contains("checkpoint is Mamba2L (layer 0 d_state 8, layer 0 parameters", exception.Message);
            Assert.Contains("model is Mamba2LDState4 (layer 0 d_state 4", exception.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MissingCheckpointIsReported()
    {
        var folder = TrainingFixtures.TemporaryFolder();
        try
        {
            using var model = TrainingFixtures.Model();
            var exception = Assert.Throws<FileNotFoundException>(() => new CheckpointStore(folder).Load("best", model));
            Assert.Contains("No checkpoint 'best'", exception.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
