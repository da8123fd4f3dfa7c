namespace ParHub.Core.ParIndex;

/// <summary>
/// What a transition came to: done, or refused with the (Vietnamese) message a person is shown. Expected refusals are
/// values, not exceptions; the application decides how to answer them.
/// </summary>
public readonly record struct Outcome(string? Refusal)
{
    public static Outcome Ok => default;
    public static Outcome Refused(string message) => new(message);
    public bool IsOk => Refusal is null;
}

/// <summary>An <see cref="Outcome"/> that carries a value when it is done.</summary>
public readonly record struct Outcome<T>(T? Value, string? Refusal)
{
    public static Outcome<T> Ok(T value) => new(value, null);
    public static Outcome<T> Refused(string message) => new(default, message);
    public bool IsOk => Refusal is null;
}
