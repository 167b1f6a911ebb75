namespace OutcomesLab.Configuration;

/// <summary>A missing or invalid configuration value: one line naming the key, never a secret.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException(string message) : base(message) { }
    public SettingsException() { }
    public SettingsException(string message, Exception inner) : base(message, inner) { }
}
