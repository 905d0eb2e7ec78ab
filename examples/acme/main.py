"""Acme's own macros and filters, beside the handbook's (mkdocs-macros-plugin's `module_name`, here main.py).

`define_env(env)` is what mkdocs-macros calls; `env` gives `env.macro`, `env.filter`, `env.variables`,
`env.conf` (mkdocs.yml) and `env.page` (the page being built). See "Host your company's handbook".
"""
import calendar
import datetime


def define_env(env):
    @env.filter
    def month_names(numbers):
        """[3, 9] -> ["March", "September"]."""
        return [calendar.month_name[number] for number in numbers]

    @env.macro
    def next_review(months, today=None):
        """The first calibration review month after `today`, as "March 2027"."""
        today = today or datetime.date.today()
        upcoming = [datetime.date(today.year + (month <= today.month), month, 1) for month in months]
        return min(upcoming).strftime("%B %Y")
