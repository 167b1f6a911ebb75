namespace OutcomesLab.Privacy;

/// <summary>The pseudonym key file is missing, unreadable or wrong; the message names the file, never the key.</summary>
public sealed class KeyFileException : Exception
{
    public KeyFileException(string message) : base(message) { }
    public KeyFileException() { }
    public KeyFileException(string message, Exception inner) : base(message, inner) { }
}
