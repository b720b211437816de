using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Bench;

/// <summary>Receives the EF Core diagnostic events of every context in this process while it is not disposed.</summary>
internal abstract class EfEventObserver : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];

    protected EfEventObserver() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value) => OnEvent(value.Key, value.Value);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
        }
    }

    /// <summary>One event: its name (an EF event id's name) and its data.</summary>
    protected abstract void OnEvent(string name, object? data);
}
