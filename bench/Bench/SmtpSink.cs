using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Emergency.Bench;

/// <summary>
/// A minimal SMTP server on loopback for the benchmark, in the bench process (the tests' SmtpTestServer runs Python's
/// aiosmtpd and writes a file per message, which would measure the disk, not the platform). It speaks just what
/// MailKit needs — EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT — accepts every message and keeps, per accepted
/// message, its envelope recipients and Message-ID, so the bench can count deliveries, duplicates and losses.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<Received> received = new();
    private readonly Task accepting;
    private int connections;

    private SmtpSink()
    {
        listener.Start(512);
        accepting = AcceptAsync();
    }

    public string Host => "127.0.0.1";

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Count => received.Count;

    public int Connections => Volatile.Read(ref connections);

    /// <summary>One accepted message: its envelope recipients and Message-ID header, and when it was accepted.</summary>
    internal sealed record Received(IReadOnlyList<string> Recipients, string MessageId, DateTime AtUtc);

    public static SmtpSink Start() => new();

    public IReadOnlyList<Received> Messages() => received.ToArray();

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, or the timeout; true when they did.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8, false, 8192, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 bench-sink ESMTP");
            var recipients = new List<string>();
            while (!stop.IsCancellationRequested && await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-bench-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 bench-sink");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var messageId = "";
                        var inHeaders = true;
                        while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                        {
                            if (inHeaders && data.Length == 0)
                            {
                                inHeaders = false;
                            }
                            else if (inHeaders && data.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
                            {
                                messageId = data["Message-ID:".Length..].Trim();
                            }
                        }

                        received.Enqueue(new Received(recipients.ToArray(), messageId, DateTime.UtcNow));
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the sink is stopping.
        }
    }

    /// <summary>The address of "RCPT TO:&lt;a@b&gt; …", lower-cased.</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end].ToLowerInvariant() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().ToLowerInvariant();
    }
}
