namespace OutcomesLab.Storage;

/// <summary>A store problem a person can act on; the message is one line and holds no secret.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message) : base(message) { }
    public StoreException(string message, Exception inner) : base(message, inner) { }
    public StoreException() { }
}
