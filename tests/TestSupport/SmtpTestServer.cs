using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Emergency.TestSupport;

/// <summary>
/// A real SMTP server on loopback (tests/TestSupport/smtp_server.py, run by Debian's python3-aiosmtpd).
/// Each accepted message is stored as an .eml file; recipients whose local part starts with
/// "reject" get 550 and with "tempfail" get 451. Stored messages carry two extra headers,
/// X-Envelope-From and X-Envelope-To, holding the SMTP envelope (useful for Bcc).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string PythonPath = "/usr/bin/python3";
    private const string ScriptName = "smtp_server.py";
    private const int StartAttempts = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly string _directory;
    private int _disposed;

    private SmtpTestServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Starts a server on a free loopback port with a fresh mail directory; waits up to 20 s for it to be ready.</summary>
    public static async Task<SmtpTestServer> StartAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, ScriptName);
        if (!File.Exists(script))
        {
            throw new FileNotFoundException(
                $"{ScriptName} was not found next to the test assembly; reference TestSupport.csproj so it is copied to the output.",
                script);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(script);
            }
            catch (SmtpServerStartException ex) when (ex.PortInUse && attempt < StartAttempts)
            {
                // Another process took the port between probing and binding; pick a new one.
            }
        }
    }

    /// <summary>All messages received so far, ordered by the time they were stored.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var messages = new List<MimeMessage>();
        foreach (var file in MessageFiles())
        {
            messages.Add(MimeMessage.Load(file.FullName));
        }

        return messages;
    }

    /// <summary>Polls every 100 ms until at least <paramref name="count"/> messages have arrived.</summary>
    /// <exception cref="TimeoutException">Fewer messages arrived within <paramref name="timeout"/>.</exception>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (MessageFiles().Length >= count)
            {
                return Messages();
            }

            if (clock.Elapsed >= timeout)
            {
                var received = Messages();
                var subjects = string.Join(", ", received.Select(m => $"\"{m.Subject}\" to {m.To}"));
                throw new TimeoutException(string.Format(
                    CultureInfo.InvariantCulture,
                    "Expected at least {0} message(s) within {1:0.###} s but the SMTP test server received {2}: [{3}]",
                    count,
                    timeout.TotalSeconds,
                    received.Count,
                    subjects));
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>
    /// Polls every 100 ms until a message matching <paramref name="match"/> has arrived, whatever else arrives
    /// meanwhile (other modules' jobs may mail too); returns all messages received so far.
    /// </summary>
    /// <exception cref="TimeoutException">No matching message arrived within <paramref name="timeout"/>.</exception>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var received = Messages();
            if (received.Any(match))
            {
                return received;
            }

            if (clock.Elapsed >= timeout)
            {
                var subjects = string.Join(", ", received.Select(m => $"\"{m.Subject}\" to {m.To}"));
                throw new TimeoutException(string.Format(
                    CultureInfo.InvariantCulture,
                    "No matching message within {0:0.###} s; the SMTP test server received {1}: [{2}]",
                    timeout.TotalSeconds,
                    received.Count,
                    subjects));
            }

            await Task.Delay(PollInterval);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Closing stdin asks the script to shut down cleanly; kill the tree if it does not.
            _process.StandardInput.Close();
            using var graceful = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _process.WaitForExitAsync(graceful.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                using var forced = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _process.WaitForExitAsync(forced.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException or Win32Exception)
        {
            // Best effort: the process is already gone or cannot be waited on.
        }
        finally
        {
            _process.Dispose();
            DeleteDirectory(_directory);
        }
    }

    private FileInfo[] MessageFiles() =>
        new DirectoryInfo(_directory)
            .GetFiles("*.eml")
            .OrderBy(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToArray();

    private static async Task<SmtpTestServer> TryStartAsync(string script)
    {
        var port = TestPorts.FreeTcpPort();
        var directory = Path.Combine(Path.GetTempPath(), "yingji-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);

        var startInfo = new ProcessStartInfo(PythonPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add("--dir");
        startInfo.ArgumentList.Add(directory);
        startInfo.ArgumentList.Add("--exit-on-stdin-eof");
        startInfo.Environment["PYTHONUNBUFFERED"] = "1";
        startInfo.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        var stderr = new StringBuilder();
        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetResult(false); // stdout closed: the process ended before READY
            }
            else if (e.Data.Trim() == "READY")
            {
                ready.TrySetResult(true);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            DeleteDirectory(directory);
            throw new InvalidOperationException(
                $"Could not start {PythonPath} for the SMTP test server (run ./test.sh to install python3-aiosmtpd).", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        bool isReady;
        try
        {
            isReady = await ready.Task.WaitAsync(ReadyTimeout);
        }
        catch (TimeoutException)
        {
            isReady = false;
        }

        if (isReady)
        {
            return new SmtpTestServer(process, port, directory);
        }

        var exitCode = "still running after " + ReadyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(5000);
            process.WaitForExit(); // drains the redirected streams once the process has exited
            exitCode = process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            // Keep the "still running" description.
        }
        finally
        {
            process.Dispose();
            DeleteDirectory(directory);
        }

        string errors;
        lock (stderr)
        {
            errors = stderr.ToString();
        }

        throw new SmtpServerStartException(
            string.Format(
                CultureInfo.InvariantCulture,
                "SMTP test server ({0} {1} --port {2}) did not print READY (exit code: {3}). stderr:{4}{5}",
                PythonPath,
                script,
                port,
                exitCode,
                Environment.NewLine,
                errors.Length == 0 ? "<empty>" : errors),
            portInUse: errors.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                || errors.Contains("Errno 98", StringComparison.Ordinal));
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class SmtpServerStartException(string message, bool portInUse) : InvalidOperationException(message)
    {
        public bool PortInUse { get; } = portInUse;
    }
}

public static class TestPorts
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it; the listener is closed again).</summary>
    public static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Dispose();
        }
    }
}

/// <summary>A unique folder under {temp}/yingji-tests, deleted recursively on dispose.</summary>
public sealed class TempDataRoot : IDisposable
{
    public TempDataRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "yingji-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
