using System.Diagnostics;
using System.Text.Json;

namespace OutcomesLab.TestSupport;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol: open a URL, collect console
/// errors, uncaught exceptions and failed loads, check that every &lt;img&gt; loaded, and keep a
/// screenshot. One browser per instance (temp profile, DevTools on a free port, no network extras);
/// dispose closes it. A machine without Chromium makes the test fail with how to install it — a
/// browser test that skips would hide a broken page.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Overrides the browser binary (default <c>/usr/bin/chromium</c>, then <c>chromium</c> on PATH).</summary>
    public const string BinaryVariable = "OUTCOMESLAB_CHROMIUM";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string profile;
    private readonly DevToolsConnection connection;
    private readonly BrowserLog log;

    private HeadlessChromium(Process process, string profile, DevToolsConnection connection, BrowserLog log)
    {
        this.process = process;
        this.profile = profile;
        this.connection = connection;
        this.log = log;
    }

    /// <summary>The browser binary, or an exception that says how to install it.</summary>
    public static string FindBinary()
    {
        var configured = Environment.GetEnvironmentVariable(BinaryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"{BinaryVariable} points at {configured}, which does not exist");
        if (File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            "Chromium is not installed (looked for /usr/bin/chromium and chromium on PATH). The browser tests need it: "
            + "run tests/run.sh, which installs it, or `apt-get install -y chromium`.");
    }

    public static async Task<HeadlessChromium> StartAsync(CancellationToken ct = default)
    {
        var binary = FindBinary();
        var profile = Directory.CreateTempSubdirectory("outcomeslab-chromium-").FullName;
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        }) start.ArgumentList.Add(argument);

        var log = new BrowserLog();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var endpoint = await WaitForEndpointAsync(process, profile, log, ct);
            var connection = await DevToolsConnection.ConnectAsync(endpoint, ct);
            return new HeadlessChromium(process, profile, connection, log);
        }
        catch
        {
            Stop(process);
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/> in a new tab of <paramref name="width"/> × <paramref name="height"/>
    /// CSS pixels, waits for the load event, and reports what went wrong on the page. With
    /// <paramref name="screenshotPath"/>, saves a PNG of the viewport there.
    /// </summary>
    public async Task<PageReport> VisitAsync(string url, string? screenshotPath = null, int width = 1280, int height = 2000,
        TimeSpan? timeout = null, CancellationToken ct = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(90));
        var token = limit.Token;

        var target = await connection.SendAsync("Target.createTarget", new { url = "about:blank" }, ct: token);
        var targetId = target.GetProperty("targetId").GetString()!;
        var attached = await connection.SendAsync("Target.attachToTarget", new { targetId, flatten = true }, ct: token);
        var session = attached.GetProperty("sessionId").GetString()!;
        var page = new PageListener(session);
        connection.EventReceived += page.Handle;
        try
        {
            foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable", "Network.enable" })
                await connection.SendAsync(domain, sessionId: session, ct: token);
            await connection.SendAsync("Emulation.setDeviceMetricsOverride",
                new { width, height, deviceScaleFactor = 1, mobile = false }, session, token);

            var navigation = await connection.SendAsync("Page.navigate", new { url }, session, token);
            if (navigation.TryGetProperty("errorText", out var navigationError) && navigationError.GetString() is { Length: > 0 } text)
                page.FailedLoads.Add($"{url}: {text}");
            else
                await page.Loaded.Task.WaitAsync(token);

            var images = await connection.SendAsync("Runtime.evaluate", new
            {
                expression = "JSON.stringify(Array.from(document.images).map(i => ({ src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0 })))",
                returnByValue = true,
            }, session, token);
            var list = JsonDocument.Parse(images.GetProperty("result").GetProperty("value").GetString() ?? "[]").RootElement;
            var broken = list.EnumerateArray().Where(i => !i.GetProperty("ok").GetBoolean()).Select(i => i.GetProperty("src").GetString() ?? "").ToList();

            string? saved = null;
            if (screenshotPath is not null)
            {
                var shot = await connection.SendAsync("Page.captureScreenshot", new { format = "png" }, session, token);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(screenshotPath))!);
                await File.WriteAllBytesAsync(screenshotPath, Convert.FromBase64String(shot.GetProperty("data").GetString()!), token);
                saved = screenshotPath;
            }
            return new PageReport(url, list.GetArrayLength(), broken, page.ConsoleErrors.ToList(), page.Exceptions.ToList(), page.FailedLoads.ToList(), saved);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Chromium did not finish loading {url} in time. Browser log:\n{log}");
        }
        finally
        {
            connection.EventReceived -= page.Handle;
            try { await connection.SendAsync("Target.closeTarget", new { targetId }, ct: CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None); }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await connection.SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException) { }
        await connection.DisposeAsync();
        if (!process.WaitForExit(5000)) Stop(process);
        process.Dispose();
        TryDelete(profile);
    }

    /// <summary>With <c>--remote-debugging-port=0</c> Chromium picks a free port and writes it to DevToolsActivePort in the profile.</summary>
    private static async Task<Uri> WaitForEndpointAsync(Process process, string profile, BrowserLog log, CancellationToken ct)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
                throw new InvalidOperationException($"Chromium exited at start-up with code {process.ExitCode}. Browser log:\n{log}");
            if (File.Exists(file))
            {
                var lines = (await File.ReadAllLinesAsync(file, ct)).Where(l => l.Length > 0).ToArray();
                if (lines.Length >= 2 && int.TryParse(lines[0], out var port))
                    return new Uri($"ws://127.0.0.1:{port}{lines[1]}");
            }
            await Task.Delay(50, ct);
        }
        throw new TimeoutException($"Chromium did not open its DevTools port within {StartTimeout.TotalSeconds:0} s. Browser log:\n{log}");
    }

    private static void Stop(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        process.WaitForExit(5000);
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Collects the events of one tab.</summary>
    private sealed class PageListener(string session)
    {
        private readonly Dictionary<string, string> requestUrls = new(StringComparer.Ordinal);
        public TaskCompletionSource Loaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<string> ConsoleErrors { get; } = [];
        public List<string> Exceptions { get; } = [];
        public List<string> FailedLoads { get; } = [];

        public void Handle(string method, string? sessionId, JsonElement p)
        {
            if (sessionId != session) return;
            lock (this)
            {
                switch (method)
                {
                    case "Page.loadEventFired":
                        Loaded.TrySetResult();
                        break;
                    case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                        ConsoleErrors.Add(string.Join(" ", p.GetProperty("args").EnumerateArray().Select(Describe)));
                        break;
                    case "Runtime.exceptionThrown":
                        var details = p.GetProperty("exceptionDetails");
                        Exceptions.Add(details.TryGetProperty("exception", out var ex) && ex.TryGetProperty("description", out var d)
                            ? d.GetString() ?? "" : details.GetProperty("text").GetString() ?? "");
                        break;
                    case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() == "error":
                        var entry = p.GetProperty("entry");
                        ConsoleErrors.Add($"{entry.GetProperty("text").GetString()} {(entry.TryGetProperty("url", out var u) ? u.GetString() : "")}".Trim());
                        break;
                    case "Network.requestWillBeSent":
                        requestUrls[p.GetProperty("requestId").GetString()!] = p.GetProperty("request").GetProperty("url").GetString() ?? "";
                        break;
                    case "Network.loadingFailed":
                        var id = p.GetProperty("requestId").GetString()!;
                        FailedLoads.Add($"{requestUrls.GetValueOrDefault(id, id)}: {p.GetProperty("errorText").GetString()}");
                        break;
                    case "Network.responseReceived" when p.GetProperty("response").GetProperty("status").GetInt32() >= 400:
                        var response = p.GetProperty("response");
                        FailedLoads.Add($"{response.GetProperty("url").GetString()}: HTTP {response.GetProperty("status").GetInt32()}");
                        break;
                }
            }
        }

        private static string Describe(JsonElement arg) =>
            arg.TryGetProperty("value", out var v) ? v.ToString() : arg.TryGetProperty("description", out var d) ? d.GetString() ?? "" : arg.GetRawText();
    }

    /// <summary>The last lines the browser printed, for error messages.</summary>
    private sealed class BrowserLog
    {
        private readonly Queue<string> lines = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (lines)
            {
                lines.Enqueue(line);
                while (lines.Count > 40) lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (lines) return string.Join('\n', lines);
        }
    }
}
