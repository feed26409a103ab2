Q0043news
r e AP-Top-Local-Headlines     03-05 0045
^AP-Top-Local-Headlines,0045<
^AP Top Local News at 6 p.m.<
^Ferry timetable changes from Monday
^Library wins national award
^Road works close the harbour bridge

AP-WF-03-05-21 1800GMT<
