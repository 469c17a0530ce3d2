namespace ModelDsl.Modules;

/// <summary>Checks of <see cref="MixerSettings"/> that the runtime modules need before building tensors.</summary>
internal static class MixerSettingsValidation
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting and its valid range.</summary>
    public static void Validate(MixerSettings settings)
    {
        RequirePositive(settings.DModel, "d_model");
        RequirePositive(settings.DState, "d_state");
        RequirePositive(settings.DConv, "d_conv");
        RequirePositive(settings.Expand, "expand");
        RequirePositive(settings.DtRank, "dt_rank");

        if (!(settings.DtMin > 0) || !(settings.DtMax >= settings.DtMin) || double.IsInfinity(settings.DtMax))
        {
            throw new ArgumentOutOfRangeException(
                nameof(settings),
                $"dt_min ({settings.DtMin}) and dt_max ({settings.DtMax}) must be finite with 0 < dt_min ≤ dt_max.");
        }

        if (!(settings.DtInitFloor > 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(settings),
                $"dt_init_floor ({settings.DtInitFloor}) must be positive, such as 1e-4.");
        }

        if (settings.GlobalSelection is { } globalSelection)
        {
            RequirePositive(globalSelection.KernelSize, "global selection kernel size");
            if (!Enum.IsDefined(globalSelection.Variant))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(settings),
                    $"Global selection variant {(int)globalSelection.Variant} is not a defined {nameof(GlobalSelectionVariant)}.");
            }
        }
    }

    private static void RequirePositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MixerSettings), $"Mixer setting {name} must be at least 1, got {value}.");
        }
    }
}
