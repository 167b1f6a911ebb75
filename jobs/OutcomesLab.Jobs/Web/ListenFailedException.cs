namespace OutcomesLab.Jobs.Web;

/// <summary>serve could not listen where it was asked (address in use, not allowed, not on this machine); the message is one line.</summary>
public sealed class ListenFailedException : Exception
{
    public ListenFailedException(string message, Exception inner) : base(message, inner) { }
    public ListenFailedException(string message) : base(message) { }
    public ListenFailedException() { }
}
