<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s)</source>
        <translation>
            <numerusform>%n correction</numerusform>
            <numerusform>%n corrections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExplanationChart</name>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} and %n more</numerusform>
            <numerusform>{names} and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryNotice</name>
    <message numerus="yes">
        <source>corrections: {read} of %n recovered</source>
        <translation>
            <numerusform>corrections: {read} of %n recovered</numerusform>
            <numerusform>corrections: {read} of %n recovered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>session playlists: {read} of %n recovered</source>
        <translation>
            <numerusform>session playlists: {read} of %n recovered</numerusform>
            <numerusform>session playlists: {read} of %n recovered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>model versions: {read} of %n recovered</source>
        <translation>
            <numerusform>model versions: {read} of %n recovered</numerusform>
            <numerusform>model versions: {read} of %n recovered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n unreadable</numerusform>
            <numerusform>%n unreadable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer in the model store</source>
        <translation>
            <numerusform>%n no longer in the model store</numerusform>
            <numerusform>%n no longer in the model store</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries lost</source>
        <translation>
            <numerusform>%n entry lost</numerusform>
            <numerusform>%n entries lost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n already in the library</numerusform>
            <numerusform>%n already in the library</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n tracks</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with two candidates</source>
        <translation>
            <numerusform>%n with two candidates</numerusform>
            <numerusform>%n with two candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tagged</source>
        <translation>
            <numerusform>%n tagged</numerusform>
            <numerusform>%n tagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {file}</source>
        <translation>
            <numerusform>Exported %n row to {file}</numerusform>
            <numerusform>Exported %n rows to {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelsPanel</name>
    <message numerus="yes">
        <source>Wrote %n correction(s) to {path}.</source>
        <translation>
            <numerusform>Wrote %n correction to {path}.</numerusform>
            <numerusform>Wrote %n corrections to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message numerus="yes">
        <source>%n windows of 30 s</source>
        <translation>
            <numerusform>%n window of 30 s</numerusform>
            <numerusform>%n windows of 30 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message numerus="yes">
        <source>Saved: {path} is in the library with %n window(s).</source>
        <translation>
            <numerusform>Saved: {path} is in the library with %n window.</numerusform>
            <numerusform>Saved: {path} is in the library with %n windows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) analysed; latest {start}–{end} s: {result} (ready {latency} s after the window ended)</source>
        <translation>
            <numerusform>%n window analysed; latest {start}–{end} s: {result} (ready {latency} s after the window ended)</numerusform>
            <numerusform>%n windows analysed; latest {start}–{end} s: {result} (ready {latency} s after the window ended)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with two candidates</source>
        <translation>
            <numerusform>%n with two candidates</numerusform>
            <numerusform>%n with two candidates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionBuilderView</name>
    <message numerus="yes">
        <source>{title} (%n track(s))</source>
        <translation>
            <numerusform>{title} (%n track)</numerusform>
            <numerusform>{title} (%n tracks)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Built %n tracks from {tagged} tagged.</source>
        <translation>
            <numerusform>Built %n track from {tagged} tagged.</numerusform>
            <numerusform>Built %n tracks from {tagged} tagged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n tracks to {path}.</source>
        <translation>
            <numerusform>Exported %n track to {path}.</numerusform>
            <numerusform>Exported %n tracks to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to {path}.</source>
        <translation>
            <numerusform>Exported %n row to {path}.</numerusform>
            <numerusform>Exported %n rows to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{start} → {goal}: %n tracks, {total} of {target} (within ±{tolerance})</source>
        <translation>
            <numerusform>{start} → {goal}: %n track, {total} of {target} (within ±{tolerance})</numerusform>
            <numerusform>{start} → {goal}: %n tracks, {total} of {target} (within ±{tolerance})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{start} → {goal}: %n tracks, {total} of {target} (outside ±{tolerance})</source>
        <translation>
            <numerusform>{start} → {goal}: %n track, {total} of {target} (outside ±{tolerance})</numerusform>
            <numerusform>{start} → {goal}: %n tracks, {total} of {target} (outside ±{tolerance})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <source>%n window(s) need review.</source>
        <translation>
            <numerusform>%n window needs review.</numerusform>
            <numerusform>%n windows need review.</numerusform>
        </translation>
    </message>
</context>
</TS>
